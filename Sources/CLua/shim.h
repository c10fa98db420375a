#ifndef ONEP_CLUA_SHIM_H
#define ONEP_CLUA_SHIM_H

// Lua 5.2's C API as OnePlatform's scripting uses it. Much of the API is macros (lua_pop,
// lua_pcall, lua_yield, lua_upvalueindex, LUA_REGISTRYINDEX), which Swift cannot call; each use
// gets a fixed-signature wrapper here.
//
// Lua reports errors with longjmp, which must never cross a Swift frame. So functions written in
// Swift are never registered with Lua directly: every one is called through
// onep_lua_trampoline, which raises the error or yields only after the Swift code has returned,
// and the counting allocator never refuses memory while Swift code runs (the trampoline checks
// the limit afterwards).

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>

// What a Swift function answers the trampoline: a count of results, or one of these.
// The error message is on top of the stack: raise it.
#define ONEP_LUA_RAISE (-1)
// Suspend the coroutine; the runner resumes it with the results later.
#define ONEP_LUA_SUSPEND (-2)

typedef int (*onep_lua_dispatch_fn)(void *owner, lua_State *L, int function);

/// What one script's Lua state shares with its host: memory accounting, the tick budget and the
/// way back to the Swift object that runs the script. It is the state's allocator userdata.
typedef struct onep_lua_host {
    size_t used;
    size_t limit;
    /// Non-zero while Swift code runs on this state: allocations then never fail.
    int in_host;
    /// Hook calls left in the current slice; the slice ends when it reaches zero.
    int ticks_left;
    /// Set when the hook ended a slice because its ticks ran out.
    int preempted;
    void *owner;
    onep_lua_dispatch_fn dispatch;
} onep_lua_host;

static inline void *onep_lua_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    onep_lua_host *host = (onep_lua_host *)ud;
    size_t old = ptr != NULL ? osize : 0;
    if (nsize == 0) {
        host->used -= old;
        free(ptr);
        return NULL;
    }
    if (nsize > old && host->in_host == 0 && host->used + (nsize - old) > host->limit) {
        return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) {
        return NULL;
    }
    host->used = host->used - old + nsize;
    return block;
}

static inline onep_lua_host *onep_lua_host_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (onep_lua_host *)ud;
}

/// A new state whose memory `host` counts; NULL when even that cannot be allocated.
static inline lua_State *onep_lua_newstate(onep_lua_host *host) {
    host->in_host++;
    lua_State *L = lua_newstate(onep_lua_alloc, host);
    host->in_host--;
    return L;
}

// MARK: The tick budget

/// Called every `count` instructions: ends the slice once its ticks are used up.
static inline void onep_lua_count_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    onep_lua_host *host = onep_lua_host_of(L);
    host->ticks_left--;
    if (host->ticks_left <= 0) {
        host->preempted = 1;
        lua_yieldk(L, 0, 0, NULL);
    }
}

static inline void onep_lua_set_count_hook(lua_State *L, int instructions) {
    lua_sethook(L, onep_lua_count_hook, LUA_MASKCOUNT, instructions);
}

// MARK: Calling Swift

/// Every Swift function Lua can call: upvalue 1 says which, upvalue 2 (if any) what it acts on.
static inline int onep_lua_trampoline(lua_State *L) {
    onep_lua_host *host = onep_lua_host_of(L);
    int function = (int)lua_tointegerx(L, lua_upvalueindex(1), NULL);
    host->in_host++;
    int results = host->dispatch(host->owner, L, function);
    host->in_host--;
    if (results == ONEP_LUA_RAISE) {
        return lua_error(L);
    }
    if (host->used > host->limit) {
        lua_pushliteral(L, "not enough memory");
        return lua_error(L);
    }
    if (results == ONEP_LUA_SUSPEND) {
        return lua_yieldk(L, 0, 0, NULL);
    }
    if (host->ticks_left <= 0) {
        // Platform calls used up the slice: end it at the next instruction, not the next tick.
        lua_sethook(L, onep_lua_count_hook, LUA_MASKCOUNT, 1);
    }
    return results;
}

/// Pushes a Lua function that calls Swift function `function`, bound to `subject`.
static inline void onep_lua_push_function(lua_State *L, int function, lua_Integer subject) {
    lua_pushinteger(L, function);
    lua_pushinteger(L, subject);
    lua_pushcclosure(L, onep_lua_trampoline, 2);
}

/// The subject (upvalue 2) of the Swift function running now.
static inline lua_Integer onep_lua_subject(lua_State *L) {
    return lua_tointegerx(L, lua_upvalueindex(2), NULL);
}

// MARK: Macros as functions

static inline int onep_lua_registry_index(void) { return LUA_REGISTRYINDEX; }

static inline void onep_lua_pop(lua_State *L, int n) { lua_settop(L, -(n)-1); }

static inline void onep_lua_push_globals(lua_State *L) { lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS); }

static inline void onep_lua_get_registry_field(lua_State *L, const char *name) { lua_getfield(L, LUA_REGISTRYINDEX, name); }

static inline int onep_lua_ref(lua_State *L) { return luaL_ref(L, LUA_REGISTRYINDEX); }

static inline void onep_lua_get_ref(lua_State *L, int ref) { lua_rawgeti(L, LUA_REGISTRYINDEX, ref); }

static inline void onep_lua_unref(lua_State *L, int ref) { luaL_unref(L, LUA_REGISTRYINDEX, ref); }

/// Loads text only (never precompiled bytecode) as a chunk named `name`.
static inline int onep_lua_load_text(lua_State *L, const char *text, size_t length, const char *name) {
    return luaL_loadbufferx(L, text, length, name, "t");
}

/// Opens one standard library into the globals, in protected mode: 0 when it worked.
static inline int onep_lua_open_library(lua_State *L, const char *name, lua_CFunction open) {
    lua_pushcfunction(L, open);
    lua_pushstring(L, name);
    int status = lua_pcallk(L, 1, 1, 0, 0, NULL);
    if (status != LUA_OK) {
        return status;
    }
    lua_setglobal(L, name);
    return 0;
}

/// The line being run at stack `level` (1: the Lua function that called the running C function).
static inline int onep_lua_current_line(lua_State *L, int level) {
    lua_Debug ar;
    if (lua_getstack(L, level, &ar) == 0) {
        return -1;
    }
    if (lua_getinfo(L, "l", &ar) == 0) {
        return -1;
    }
    return ar.currentline;
}

#endif
