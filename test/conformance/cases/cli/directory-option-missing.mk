# case: -C with a missing directory
# run: -C nowhere
