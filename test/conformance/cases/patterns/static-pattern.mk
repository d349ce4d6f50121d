# case: a static pattern rule maps targets to prerequisites
OBJS = a.o b.o
all: $(OBJS)
$(OBJS): %.o: %.c
	@echo '$@ from $< stem $*'
--- a.c
--- b.c
