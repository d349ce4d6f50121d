# case: intermediate files are made in parallel and deleted at the end
# parallel: -j4
all: a.out b.out
%.out: %.mid
	@echo $@ from $<; cp $< $@
%.mid: %.src
	@echo $@ from $<; cp $< $@
--- a.src
a
--- b.src
b
