# case: a chain never uses the same rule twice
all: x.a.a
%.a: %
	@echo '$< -> $@'
	@cp $< $@
--- x
