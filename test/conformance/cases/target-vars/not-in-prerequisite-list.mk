# case: prerequisite lists are expanded before target values apply
X = global-dep
all: X = target-dep
all: $(X)
	@echo 'all needs $^'
global-dep target-dep:
	@echo 'made $@'
