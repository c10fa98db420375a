-- Converts raw ADC counts from a 10 kΩ NTC thermistor (B = 3950) in a divider with a 10 kΩ
-- resistor, read by a 10-bit ADC, into degrees Celsius.
-- Dataports: adc (integer, the device writes it), temperature (float).
local adc = alias['adc']
local temperature = alias['temperature']
local B, R0, T0, SERIES, FULL_SCALE = 3950, 10000, 298.15, 10000, 1023

while true do
  local ts = adc.wait()
  local counts = adc[ts]
  if counts > 0 and counts < FULL_SCALE then
    local resistance = SERIES * counts / (FULL_SCALE - counts)
    local kelvin = 1 / (1 / T0 + math.log(resistance / R0) / B)
    -- Stored at the reading's own timestamp, rounded to hundredths.
    temperature[ts] = math.floor((kelvin - 273.15) * 100 + 0.5) / 100
  else
    debug('reading out of range: ' .. counts)
  end
end
