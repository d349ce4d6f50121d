# case: -p lists the makefile's pattern rules and counts the terminal ones
# sh: $MAKE -p -r -R -q | sed -n '/^# Implicit Rules/,/^# Files/p'
%.o: %.c | dir
	cc -c $<
%:: RCS/%,v
	co $<
%.x %.y: %.z
	@touch $*.x $*.y
all: ; @:
