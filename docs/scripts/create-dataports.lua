-- Gives the client the dataports its device writes, each under its alias, unless it has them
-- already: safe to run again (it runs again whenever the platform restarts).
local wanted = {temperature = 'float', humidity = 'float', status = 'string'}

for name, format in pairs(wanted) do
  if alias[name] == nil then
    local ok, rid = manage.create({alias = ''}, 'dataport',
      {format = format, name = name, retention = {count = 1000, duration = 'infinity'}})
    if ok then
      manage.map('alias', rid, name)
      debug('created ' .. name)
    else
      debug('could not create ' .. name .. ': ' .. rid)
    end
  end
end
