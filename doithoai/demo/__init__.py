"""Demo data: Bắc Kạn city as of 2016, its organisations, one login per role, the 2016 round."""
