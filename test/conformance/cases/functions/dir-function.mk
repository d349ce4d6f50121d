# case: dir keeps the directory part of each name
$(info [$(dir src/foo.c hacks)])
$(info [$(dir /a/b/ /x ./y ../z a/b/c.d)])
$(info [$(dir )])
all: ; @:
