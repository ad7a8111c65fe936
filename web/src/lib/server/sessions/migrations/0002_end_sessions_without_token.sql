-- Sessions made before re-validation existed hold no sealed Matrix token, so
-- the server cannot ask the homeserver about them: they end here, and their
-- people sign in again (the browser makes a new session from its Matrix token).
DELETE FROM `sessions` WHERE `matrix_token` IS NULL;
