# case: the global .EXTRA_PREREQS are made first and are in no automatic variable
.EXTRA_PREREQS = tick tack
.PHONY: all
all: other ; @echo '[$<] [$^] [$+] [$?] [$|]'
tick tack other: ; @echo $@
