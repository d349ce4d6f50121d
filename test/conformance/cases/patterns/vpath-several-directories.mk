# case: vpath with several directories searches them in order
vpath %.c first:second
all: a.c b.c
	@echo '$^'
--- second/a.c
--- first/b.c
--- second/b.c
