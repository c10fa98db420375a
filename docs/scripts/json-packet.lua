-- Unpacks JSON packets a device writes to one string dataport into a dataport per reading:
--   {"readings": {"temperature": 21.5, "humidity": 40}}
-- Dataports: packet (string), plus one per reading name (temperature, humidity, ...).
local packet = alias['packet']

while true do
  local ts = packet.wait()
  local decoded, problem = json.decode(packet[ts])
  if decoded == nil then
    debug('bad packet: ' .. problem)
  elseif json.type(decoded.readings) ~= 'object' then
    debug('packet without readings')
  else
    for name, value in pairs(decoded.readings) do
      local target = alias[name]
      if target == nil then
        debug('no dataport for ' .. name)
      else
        target[ts] = value
      end
    end
  end
end
