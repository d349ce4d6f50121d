# case: wildcard characters in target names are expanded
*.stamp:
	@echo 'target $@'
--- b.stamp
--- a.stamp
