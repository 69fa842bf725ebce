-- The portal mix (DOMAIN): 50% lists by region and quarter, 30% name searches (a substring of two
-- or more characters), 20% exact USCC; no conditional requests.
local counties = {"130171","130111","130123","130184","130128","130127","130125","130133","130107","130132",
                  "130121","130109","130183","130129","130126","130131","130110","130172","130130","130100"}
local words = {"华北","冀中","恒达","正元","金石","新源","宏泰","鑫磊"}
math.randomseed(20261123)
local function encode(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  local roll = math.random(100)
  local path
  if roll <= 50 then
    path = "/public/v1/results?quarter=2026Q3&limit=20&region=" .. counties[math.random(#counties)]
  elseif roll <= 80 then
    local w = words[math.random(#words)] .. "企业" .. math.random(1, 999)
    path = "/public/v1/results?limit=20&q=" .. encode(w)
  else
    local i = math.random(1, 1000000)
    local county = counties[(i % 19) + 1]
    path = "/public/v1/results?q=91" .. county .. string.format("%010d", i)
  end
  return wrk.format("GET", path)
end
