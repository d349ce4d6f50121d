# case: wildcards in .EXTRA_PREREQS are expanded, and a list naming the target itself is ignored
# sh: touch tick tack
.EXTRA_PREREQS = *ck
.PHONY: all tick tack
all: ; @echo 'all [$^]'
tick tack: ; @echo $@
