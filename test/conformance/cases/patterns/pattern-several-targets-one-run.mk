# case: a multi-target pattern rule runs once even if it makes one file
all: p.h p.c
	@echo 'all done'
%.h %.c: %.y
	@echo 'generating $* for $@'
	@touch $*.h
--- p.y
