# case: a pattern rule makes a target from a matching source
all: a.out b.out
%.out: %.in
	@echo '$< -> $@ (stem $*)'
	@cp $< $@
--- a.in
A
--- b.in
B
