# case: notdir drops the directory part of each name
$(info [$(notdir src/foo.c hacks)])
$(info [$(notdir /a/b/ /x a/b/c.d .hidden)])
all: ; @:
