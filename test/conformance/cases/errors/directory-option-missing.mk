# case: -C naming a missing directory
# run: -C missing
