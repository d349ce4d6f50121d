# case: a name that is both normal and order-only is normal
all: a | a b
	@echo '[$^] [$|]'
a b:
	@:
