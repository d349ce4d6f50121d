# case: $| and its D and F forms
all: | d1/x d2/y
	@echo '[$|] [$(|D)] [$(|F)]'
d1/x d2/y:
	@:
