# case: a non-terminal match-anything rule gives way to a specific pattern
all: x.out
%: %.in
	@echo 'anything $@'
%.out: %.zzz
	@echo 'specific $@'
--- x.out.in
