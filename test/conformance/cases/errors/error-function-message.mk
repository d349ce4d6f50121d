# case: $(error) with a computed message
N = 3
$(error found $(N) problems)
