# case: a pattern rule with two targets runs once for both, in parallel too
# parallel: -j4
all: p.x p.y q.y
%.x %.y: %.in
	@sleep 0.1; echo making $*; touch $*.x $*.y
--- p.in
--- q.in
