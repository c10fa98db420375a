-- Raises an alert and sends a text when a device has not reported for five minutes, and
-- clears it when it reports again.
-- Dataports: heartbeat (any format, the device writes it), silent (integer: 1 while silent).
local heartbeat = alias['heartbeat']
local silent = alias['silent']
local TIMEOUT = 5 * 60

silent.value = 0
while true do
  if heartbeat.wait(now + TIMEOUT) == nil then
    silent.value = 1
    dispatch.sms('+15551234567', 'no heartbeat for 5 minutes')
    -- Nothing more to say until it reports again.
    heartbeat.wait()
    silent.value = 0
  end
end
