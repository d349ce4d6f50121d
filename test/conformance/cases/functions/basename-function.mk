# case: basename drops each name's suffix
$(info [$(basename src/foo.c src-1.0/bar hacks)])
$(info [$(basename a.b.c .x dir.d/file x. /a/b.c/d)])
all: ; @:
