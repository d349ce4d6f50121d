# case: static pattern stems keep directories
all: out/a.txt out/sub/b.txt
out/a.txt out/sub/b.txt: out/%.txt: in/%.txt
	@echo '$@ <- $< [$*]'
--- in/a.txt
--- in/sub/b.txt
