-- Emails once when the temperature rises above 30 °C and clears the alert when it is back
-- below 28 °C (the gap keeps a reading that hovers at the limit from alerting again and again).
-- Dataports: temperature (float), alert (integer: 1 while too hot).
local temperature = alias['temperature']
local alert = alias['alert']
local LIMIT, CLEAR = 30, 28
local alerting = false

while true do
  local ts = temperature.wait()
  local value = temperature[ts]
  if value > LIMIT and not alerting then
    alerting = true
    alert[ts] = 1
    local ok, reason = dispatch.email('ops@example.com', 'Temperature alert',
      string.format('%.1f C at %s', value, date('%Y-%m-%d %H:%M:%S', ts)))
    if not ok then debug('alert not sent: ' .. reason) end
  elseif value < CLEAR and alerting then
    alerting = false
    alert[ts] = 0
  end
end
