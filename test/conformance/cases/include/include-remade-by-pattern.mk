# case: an included file made by a pattern rule
include a.d
all:
	@echo 'A=$(A)'
%.d: %.src
	@echo 'generating $@ from $<'
	@sed 's/^/A = /' $< > $@
--- a.src
from-src
