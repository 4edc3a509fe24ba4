
COMMENT ON TYPE npi IS 'National Provider Identifier: 10 digits, first 1 or 2, Luhn check digit with the 80840 prefix';
