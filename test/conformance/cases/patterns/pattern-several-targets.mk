# case: a pattern rule with several targets runs once for all of them
all: p.h p.c
%.h %.c: %.y
	@echo 'generating $* ($@)'
	@touch $*.h $*.c
--- p.y
