/// Provisioning requests of every endpoint in the forms provision.md documents (and the older ones
/// clients still send), plus the malformed ones that once answered 500.
enum ProvisionSeeds {
    struct Seed {
        let method: String
        let path: String
        var query = ""
        var type = ""
        var body = ""
        /// Which credentials the request carries: the vendor token, the device's CIK, the root's CIK, none.
        var auth = Auth.vendor
    }

    enum Auth: CaseIterable {
        case vendor, device, root, none
    }

    static let form = "application/x-www-form-urlencoded; charset=utf-8"

    static let seeds: [Seed] = [
        Seed(method: "GET", path: "/provision/manage/model/"),
        Seed(method: "GET", path: "/provision/manage/model/", query: "show=shared"),
        Seed(method: "POST", path: "/provision/manage/model/", type: form, body: "model=m2&rid=$DEVICE&options[]=noaliases"),
        Seed(method: "POST", path: "/provision/manage/model/", type: form, body: "model=m2&delete=true"),
        Seed(method: "GET", path: "/provision/manage/model/$MODEL"),
        Seed(method: "PUT", path: "/provision/manage/model/$MODEL", type: form, body: "rid=$DEVICE&options[]=nohistorical"),
        Seed(method: "GET", path: "/provision/manage/model/$MODEL/", query: "offset=0&limit=10&status=true"),
        Seed(method: "GET", path: "/provision/manage/model/$MODEL/", query: "show=ranges"),
        Seed(method: "POST", path: "/provision/manage/model/$MODEL/", type: form, body: "sn=sn9&extra=x"),
        Seed(method: "POST", path: "/provision/manage/model/$MODEL/", type: form, body: "add=true&sn[]=a1&sn[]=a2"),
        Seed(method: "POST", path: "/provision/manage/model/$MODEL/", type: "text/csv", body: "s1,extra one\r\ns2,\"quoted, extra\"\r\n"),
        Seed(method: "POST", path: "/provision/manage/model/$MODEL/", type: "text/csv", body: "s3,\"never closed\n"),
        Seed(
            method: "POST", path: "/provision/manage/model/$MODEL/", type: "application/json",
            body: #"{"ranges":[{"format":"base10","length":4,"casing":"upper","first":1,"last":9999}]}"#),
        Seed(
            method: "DELETE", path: "/provision/manage/model/$MODEL/", type: "application/json",
            body: #"{"ranges":[{"format":"mac:48","first":0,"last":281474976710655}]}"#),
        Seed(method: "DELETE", path: "/provision/manage/model/$MODEL/", type: form, body: "sn=sn3"),
        Seed(method: "GET", path: "/provision/manage/model/$MODEL/$SN"),
        Seed(method: "GET", path: "/provision/manage/model/$MODEL/$SN", query: "show=log"),
        Seed(method: "GET", path: "/provision/manage/model/$MODEL/$SN", query: "show=groups&offset=0&limit=5"),
        Seed(method: "POST", path: "/provision/manage/model/$MODEL/sn2", type: form, body: "enable=true&owner=$ROOTRID"),
        Seed(method: "POST", path: "/provision/manage/model/$MODEL/$SN", type: form, body: "enable=true"),
        Seed(method: "POST", path: "/provision/manage/model/$MODEL/sn3", type: form, body: "enable=true&oldsn=$SN"),
        Seed(method: "POST", path: "/provision/manage/model/$MODEL/$SN", type: form, body: "disable=true"),
        Seed(method: "DELETE", path: "/provision/manage/model/$MODEL/sn2"),
        Seed(method: "GET", path: "/provision/manage/share/$MODEL/"),
        Seed(method: "POST", path: "/provision/manage/share/$MODEL/", type: form, body: "vendor=other"),
        Seed(method: "GET", path: "/provision/manage/share/$MODEL/other"),
        Seed(method: "GET", path: "/provision/manage/content/$MODEL/"),
        Seed(method: "GET", path: "/provision/manage/content/$MODEL/", query: "sn=$SN"),
        Seed(method: "POST", path: "/provision/manage/content/$MODEL/", type: form, body: "id=c2&meta=m&protected=true"),
        Seed(method: "GET", path: "/provision/manage/content/$MODEL/$CONTENT"),
        Seed(method: "GET", path: "/provision/manage/content/$MODEL/$CONTENT", query: "download=true"),
        Seed(method: "GET", path: "/provision/manage/content/$MODEL/$CONTENT", query: "show=groups"),
        Seed(method: "POST", path: "/provision/manage/content/$MODEL/c2", type: "application/octet-stream", body: "bytes\u{0}\u{1}"),
        Seed(method: "DELETE", path: "/provision/manage/content/$MODEL/c2"),
        Seed(method: "GET", path: "/provision/manage/group/$MODEL/"),
        Seed(method: "POST", path: "/provision/manage/group/$MODEL/", type: form, body: "id=g2&meta=second"),
        Seed(method: "GET", path: "/provision/manage/group/$MODEL/$GROUP"),
        Seed(method: "GET", path: "/provision/manage/group/$MODEL/$GROUP", query: "show=groups"),
        Seed(method: "GET", path: "/provision/manage/group/$MODEL/$GROUP/", query: "type=sn&limit=10"),
        Seed(method: "POST", path: "/provision/manage/group/$MODEL/$GROUP/", type: form, body: "type=sn&id[]=$SN&expire=0&meta=m"),
        Seed(
            method: "POST", path: "/provision/manage/group/$MODEL/$GROUP/", type: "text/csv", body: "sn,$SN,0,meta, with comma\ncontent,$CONTENT,0,"),
        Seed(method: "DELETE", path: "/provision/manage/group/$MODEL/$GROUP/", type: "text/csv", body: "sn,$SN\n"),
        Seed(method: "DELETE", path: "/provision/manage/group/$MODEL/g2"),
        Seed(method: "POST", path: "/provision/activate", type: form, body: "vendor=$VENDOR&model=$MODEL&sn=$SN", auth: .none),
        Seed(method: "GET", path: "/provision/download", query: "vendor=$VENDOR&model=$MODEL", auth: .device),
        Seed(method: "GET", path: "/provision/download", query: "vendor=$VENDOR&model=$MODEL&id=$CONTENT&info=true", auth: .device),
        Seed(method: "GET", path: "/provision/register", auth: .root),
        Seed(method: "POST", path: "/provision/register", type: form, body: "vendor=v2", auth: .device),
        Seed(method: "GET", path: "/provision/admin/auth/"),
        Seed(method: "POST", path: "/provision/admin/auth/", type: form, body: "id=t2"),
        Seed(method: "GET", path: "/provision/admin/auth/t2"),
        Seed(method: "DELETE", path: "/provision/admin/auth/t2"),
        // The malformed requests that answered 500 when the embedded platform was first attacked.
        Seed(method: "GET", path: "/provision/manage/group/$MODEL/../", query: "type=sn"),
        Seed(method: "GET", path: "/provision/manage/group/%/", query: "info=true"),
        Seed(method: "GET", path: "/provision/manage/group/$MODEL/%/", query: "info=true"),
        Seed(
            method: "POST", path: "/provision/manage/model/", type: "multipart/form-data; boundary=XyZ",
            body: "--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nm3\r\n--XyZ--\r\n"),
        Seed(method: "POST", path: "/provision/manage/model/$MODEL/", type: "multipart/form-data", body: "sn=x&sn=y"),
        Seed(method: "POST", path: "/provision/manage/group/$MODEL/$GROUP/", type: "text/csv", body: "sn,\"$SN"),
        Seed(method: "GET", path: "/provision/manage/model/%2e%2e/"),
        Seed(method: "GET", path: "/provision//manage//model/"),
    ]
}
