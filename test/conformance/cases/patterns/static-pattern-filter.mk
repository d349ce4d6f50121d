# case: static pattern rules over a filtered list
FILES = a.c b.s c.c
all: $(FILES:%=%.done)
$(filter %.c.done,$(FILES:%=%.done)): %.c.done: %.c
	@echo 'c: $@'
$(filter %.s.done,$(FILES:%=%.done)): %.s.done: %.s
	@echo 's: $@'
--- a.c
--- b.s
--- c.c
