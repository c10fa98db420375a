// Module OneP: work in progress; replaced by its first real file.
