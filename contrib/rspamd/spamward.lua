--[[
Spamward rspamd plugin: asks a Spamward (or gozer) DRP service for the DCC, Razor and Pyzor verdicts
of a message with one POST /check and turns the JSON answer into symbols.

  SPAMWARD_DCC    DCC says bulk ("action":"reject"); option: the body count
  SPAMWARD_RAZOR  Razor says spam ("razor":{"hit":true})
  SPAMWARD_PYZOR  Pyzor count above pyzor_min_count and white-list count not above pyzor_max_wl;
                  option: "count=N wl=M"
  SPAMWARD_FAIL   the service could not be asked (error, timeout, non-200, bad JSON); score 0

The service fails open (a network that did not answer gives its safe default), so a missing symbol
never means "ham" by itself. Install: copy to $LOCAL_CONFDIR/plugins.d/spamward.lua and configure a
"spamward { ... }" section (see spamward.conf next to this file). Without that section the plugin is
disabled. Licence: as Spamward.
]]

local N = 'spamward'

local rspamd_http = require "rspamd_http"
local rspamd_logger = require "rspamd_logger"
local lua_util = require "lua_util"
local ucl = require "ucl"

local settings = {
  url = 'http://127.0.0.1:8077/check',
  token = '',            -- sent as "Authorization: Bearer <token>" (gozer's X-DRP-Token also works)
  timeout = 7.0,         -- seconds; keep above the service's drp.backend_timeout (6 s)
  max_size = 8388608,    -- bytes; larger messages are not sent (the service refuses them)
  pyzor_min_count = 0,   -- SPAMWARD_PYZOR when count > this
  pyzor_max_wl = 0,      -- ... and wl <= this
  symbol_dcc = 'SPAMWARD_DCC',
  symbol_razor = 'SPAMWARD_RAZOR',
  symbol_pyzor = 'SPAMWARD_PYZOR',
  symbol_fail = 'SPAMWARD_FAIL',
  score_dcc = 1.5,
  score_razor = 2.0,
  score_pyzor = 1.5,
}

local function insert_verdicts(task, obj)
  local dcc = obj.dcc
  if type(dcc) == 'table' and dcc.action == 'reject' then
    local bulk = tonumber(dcc.bulk)
    task:insert_result(settings.symbol_dcc, 1.0, bulk and string.format('%d', bulk) or 'bulk')
  end
  local razor = obj.razor
  if type(razor) == 'table' and razor.hit == true then
    task:insert_result(settings.symbol_razor, 1.0)
  end
  local pyzor = obj.pyzor
  if type(pyzor) == 'table' then
    local count = tonumber(pyzor.count) or 0
    local wl = tonumber(pyzor.wl) or 0
    if count > settings.pyzor_min_count and wl <= settings.pyzor_max_wl then
      task:insert_result(settings.symbol_pyzor, 1.0, string.format('count=%d wl=%d', count, wl))
    end
  end
end

local function spamward_check(task)
  local content = task:get_content()
  if not content or content:len() == 0 then return end
  if content:len() > settings.max_size then
    lua_util.debugm(N, task, 'message of %s bytes not sent (max_size %s)', content:len(), settings.max_size)
    return
  end

  local function http_cb(err, code, body, _)
    if err then
      rspamd_logger.infox(task, 'spamward: request to %s failed: %s', settings.url, err)
      task:insert_result(settings.symbol_fail, 1.0, tostring(err))
      return
    end
    if code ~= 200 then
      rspamd_logger.infox(task, 'spamward: %s answered %s: %s', settings.url, code, body)
      task:insert_result(settings.symbol_fail, 1.0, string.format('http %s', code))
      return
    end
    local parser = ucl.parser()
    local ok, perr = parser:parse_string(tostring(body))
    if not ok then
      rspamd_logger.infox(task, 'spamward: cannot parse the answer: %s', perr)
      task:insert_result(settings.symbol_fail, 1.0, 'bad json')
      return
    end
    local obj = parser:get_object()
    if type(obj) ~= 'table' then
      task:insert_result(settings.symbol_fail, 1.0, 'bad json')
      return
    end
    lua_util.debugm(N, task, 'spamward answer: %s', body)
    insert_verdicts(task, obj)
  end

  rspamd_http.request({
    task = task,
    url = settings.url,
    method = 'post',
    body = content,
    mime_type = 'message/rfc822',
    headers = { ['Authorization'] = 'Bearer ' .. settings.token },
    timeout = settings.timeout,
    callback = http_cb,
  })
end

local opts = rspamd_config:get_all_opt(N)
if not opts then
  lua_util.disable_module(N, 'config')
  return
end
settings = lua_util.override_defaults(settings, opts)
if settings.enabled == false then
  lua_util.disable_module(N, 'config')
  return
end
if not settings.token or settings.token == '' then
  rspamd_logger.warnx(rspamd_config, 'spamward: no token configured; the service answers 503 to every check')
end

local id = rspamd_config:register_symbol({
  name = 'SPAMWARD_CHECK',
  type = 'callback',
  callback = spamward_check,
  group = 'spamward',
  augmentations = { string.format('timeout=%f', settings.timeout) },
})
for _, s in ipairs({
  { settings.symbol_dcc, settings.score_dcc, 'DCC: bulk message (Spamward DRP service)' },
  { settings.symbol_razor, settings.score_razor, 'Razor: known spam (Spamward DRP service)' },
  { settings.symbol_pyzor, settings.score_pyzor, 'Pyzor: reported as spam (Spamward DRP service)' },
  { settings.symbol_fail, 0.0, 'Spamward DRP service could not be asked' },
}) do
  rspamd_config:register_symbol({
    name = s[1],
    type = 'virtual',
    parent = id,
    score = s[2],
    group = 'spamward',
    description = s[3],
    one_shot = true,
  })
end
rspamd_logger.infox(rspamd_config, 'spamward: enabled, asking %s', settings.url)
