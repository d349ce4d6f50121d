# case: a terminal match-anything rule can make an intermediate file
all: x.o
%:: %.src
	@echo 'checkout $@'
	@cp $< $@
%.o: %.q
	@echo 'compile $<'
--- x.q.src
