
-- Loaders for the official public formats of the reference data.
