# case: order-only prerequisites in a pattern rule
all: a.out
%.out: %.in | %.dir
	@echo '[$^] [$|]'
%.dir:
	@echo 'making $@'
--- a.in
