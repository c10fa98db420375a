-- Keeps the average of the last 24 hours of temperature readings.
-- Dataports: temperature (float), average_24h (float).
local temperature = alias['temperature']
local average = alias['average_24h']
local DAY = 24 * 60 * 60
local window = {}

-- Start from the readings of the last day, then follow new ones.
temperature.last = now - DAY
while true do
  local ts = temperature.wait()
  window[#window + 1] = {ts, temperature[ts]}
  while window[1][1] <= ts - DAY do table.remove(window, 1) end
  local sum = 0
  for _, reading in ipairs(window) do sum = sum + reading[2] end
  average[ts] = sum / #window
end
