# case: suffix returns each name's suffix
$(info [$(suffix src/foo.c src-1.0/bar.c hacks)])
$(info [$(suffix a.b.c .x dir.d/file x.)])
all: ; @:
