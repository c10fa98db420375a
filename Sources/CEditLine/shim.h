#ifndef ONEP_CEDITLINE_SHIM_H
#define ONEP_CEDITLINE_SHIM_H

// libedit's el_set, el_get and history() are variadic, which Swift cannot call. Each use the
// LineEditor module needs gets a fixed-signature wrapper here, so the argument types are checked
// by the C compiler instead of being guessed at run time.

#include <histedit.h>
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef char *(*onep_el_prompt_fn)(EditLine *);
typedef unsigned char (*onep_el_command_fn)(EditLine *, int);

// MARK: Standard streams (the C globals do not import into Swift 6)

static inline FILE *onep_stdin(void) { return stdin; }
static inline FILE *onep_stdout(void) { return stdout; }
static inline FILE *onep_stderr(void) { return stderr; }

// MARK: Locale

/// Makes the C library decode multibyte input; libedit silently drops non-ASCII bytes otherwise.
/// Falls back to C.UTF-8 when the environment names no UTF-8 locale.
/// Returns 1 when the resulting character set is UTF-8.
static inline int onep_use_environment_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && strcmp(codeset, "UTF-8") == 0) {
        return 1;
    }
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
        return 0;
    }
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

// MARK: Terminal

/// Columns of the terminal behind `fd`, or 0 when it is not a terminal or reports no size.
static inline int onep_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) {
        return 0;
    }
    return size.ws_col;
}

// MARK: Editor settings

static inline int onep_el_set_prompt(EditLine *el, onep_el_prompt_fn prompt, char ignore) {
    return el_set(el, EL_PROMPT_ESC, prompt, ignore);
}

static inline int onep_el_set_terminal(EditLine *el, const char *type) {
    return el_set(el, EL_TERMINAL, type);
}

static inline int onep_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int onep_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *onep_el_get_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

/// 1 when libedit edits lines (the default), 0 when `edit off` (in ~/.editrc) turned editing off.
static inline int onep_el_editing(EditLine *el) {
    int editing = 0;
    if (el_get(el, EL_EDITMODE, &editing) != 0) {
        return 0;
    }
    return editing;
}

static inline int onep_el_add_function(EditLine *el, const char *name, const char *help, onep_el_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/// Binds `key` to the named function; `alternate` selects vi's command-mode map.
static inline int onep_el_bind(EditLine *el, const char *key, const char *function, int alternate) {
    if (alternate) {
        return el_set(el, EL_BIND, "-a", key, function, (const char *)NULL);
    }
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

/// Changes one terminal mode flag for the editing phase only (`-d`), e.g. "-isig".
static inline int onep_el_set_edit_tty_flag(EditLine *el, const char *flag) {
    return el_set(el, EL_SETTY, "-d", flag, (const char *)NULL);
}

static inline int onep_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

// MARK: History

static inline int onep_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

static inline int onep_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

static inline int onep_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

static inline int onep_history_clear(History *h) {
    HistEvent event;
    return history(h, &event, H_CLEAR);
}

static inline int onep_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

static inline int onep_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

/// The oldest entry, or NULL when the history is empty; starts a walk with onep_history_newer.
static inline const char *onep_history_oldest(History *h) {
    HistEvent event;
    return history(h, &event, H_LAST) == 0 ? event.str : NULL;
}

/// The entry after the one last visited, toward the newest; NULL past the newest.
static inline const char *onep_history_newer(History *h) {
    HistEvent event;
    return history(h, &event, H_PREV) == 0 ? event.str : NULL;
}

#endif
