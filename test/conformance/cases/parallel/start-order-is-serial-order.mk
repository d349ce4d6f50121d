# case: jobs made ready at once start in the serial order, as GNU make's walk starts them, not in the order their visits got there
# parallel: -j2
# sh: touch a b c
# sh: sleep 1.1; touch x y
all: a b c
a c: x
	@echo $@ >> log; sleep 1
b: y
	@sleep 0.5; echo $@ >> log; sleep 1
