# case: $@ $< $^ in an explicit rule
out.txt: a.txt b.txt
	@echo '$@ $< $^'
a.txt b.txt:
	@:
