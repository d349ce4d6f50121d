# case: vpath directories lose one trailing slash, and . is no vpath directory
# run: all
# run: slash
# run: mentioned
vpath %.c ./ sub/
vpath %.x other//
all: a.c c.c
	@echo '[$^]'
slash: b.x
	@echo '[$^]'
mentioned: m.x
	@echo '[$^]'
other/m.x: ; @echo 'made $@'
--- sub/a.c
--- other/b.x
--- c.c
