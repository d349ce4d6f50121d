# case: a pattern rule with a static pattern
%.a %.b: x%: y
