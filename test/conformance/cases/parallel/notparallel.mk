# case: .NOTPARALLEL runs one job at a time
# parallel: -j4
.NOTPARALLEL:
all: a b c
a b c:
	@test ! -e lock || echo overlap; touch lock; sleep 0.1; rm lock; echo $@
