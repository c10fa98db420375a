/// The commented template `template example` prints: every key, what it means, and exoline's
/// `spec` keys beside onep's.
enum TemplateExample {
    static let text = """
        # A onep template: what a device (a client) holds. YAML; '#' starts a comment.
        #   template check PATH FILE     report every difference (exit 1 when any)
        #   template apply PATH FILE     create or update what is missing (--dry-run shows it)
        #   template generate PATH       write the template of a client as it is
        # exoline's spec files are templates too: device, dataports and scripts read as exoline
        # wrote them. Resources are found by alias, else by name; what the template leaves out is
        # neither checked nor changed, and resources it does not list are left alone.

        # The model (and vendor) devices of this kind are provisioned for: 'template apply FILE
        # --all-of-model thermostat' applies it to every client enabled for a serial number of it.
        # limits (as exoline's spec files give them) are the device's own: a count or inherit.
        device:
          model: thermostat
          vendor: acme
          limits: {dataport: 20}

        dataports:
          - alias: temp                 # the alias the device writes to
            name: Temperature           # created; compared when given
            format: float               # float, integer, string, or string/json (text holding JSON)
            unit: °C                    # kept in meta as {"datasource": {"unit": ...}}, as exoline and Portals do
            description: Air temperature
            retention: {count: 1000, duration: infinity}   # points kept, hours kept
            range: {min: -40, max: 85}  # the latest value must lie within (or min: / max:)
            initial: 20.0               # written when the dataport has no value yet
          - alias: mode
            format: string
            values: [heat, cool, off]   # the latest value must be one of these
            initial: "off"
          - alias: config
            format: string/json         # the latest value must parse as JSON
            initial: {setpoint: 21}
          - alias: fahrenheit
            format: float
            subscribe: temp             # aliases (or names) of the same client, or a RID
            preprocess: [[mul, 1.8], [add, 32]]
            public: true

        datarules:
          - alias: too_hot
            format: integer
            subscribe: temp
            rule: {simple: {comparison: gt, constant: 30, repeat: false}}

        # Lua script datarules: file: is read relative to this file (its name is the default
        # alias), or the source is given inline with code:.
        scripts:
          - alias: hello
            code: |
              debug('hello from ' .. (alias['temp'].value or 'nowhere'))

        dispatches:
          - alias: mail_when_hot
            method: email               # email, http_get, http_post, http_put, sms or xmpp
            recipient: ops@example.com
            subject: Too hot
            subscribe: too_hot

        # Clients inside the device take the same keys, and limits.
        clients:
          - alias: gateway
            limits: {dataport: 10, datarule: inherit}
            dataports:
              - alias: uptime
                format: integer

        """
}
