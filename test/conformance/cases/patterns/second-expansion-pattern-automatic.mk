# case: $$@, $$< and $$^ in a pattern rule's second expansion
.SECONDEXPANSION:
all: x.o
x.o: x.h
%.o: $$(info [$$@] [$$*] [$$<] [$$^]) %.c
	@echo '[$<] [$^]'
--- x.c
--- x.h
