# case: an order-only prerequisite is made first but does not force a rebuild
# sh: mkdir dir; touch dir/out
# parallel: -j4
dir/out: | dir
	@echo never
all: dir/out new
new: | dir
	@echo new; touch $@
.DEFAULT_GOAL := all
