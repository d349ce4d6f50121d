# case: a non-terminal match-anything rule cannot make an intermediate file
all: x.o
%: %.src
	@echo 'anything $@'
	@cp $< $@
%.o: %.q
	@echo 'compile $<'
--- x.q.src
