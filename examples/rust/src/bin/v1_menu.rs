//! An auto-attendant menu with REST API v1:
//!
//! 1. create two routes (call-handling rules): "Sales" and "Support",
//! 2. upload the greeting callers hear (a WAV file, checked before it is sent),
//! 3. create the menu: press 1 for Sales, 2 for Support,
//! 4. read it back.
//!
//! Run it: `cargo run -p phonecom-examples --bin v1-menu`. It starts a sandbox on loopback and
//! works against it; set `PHONECOM_CONFIG` to a config JSON file to run against other hosts.

use phonecom::v1::{Digit, MediaUpload, MenuDigit, NewMenu};
use serde_json::json;

fn main() {
    phonecom_examples::main_with(run);
}

fn run() -> Result<(), phonecom::Error> {
    let (_sandbox, client) = phonecom_examples::connect()?;
    let v1 = client.v1();

    let mut routes = Vec::new();
    for (step, name, extension) in [(1, "Sales", "102"), (2, "Support", "101")] {
        let body = json!({"name": name, "rules": [{"action": "ring", "extension": extension}]});
        let id = v1
            .create("routes", body.as_object().cloned().unwrap_or_default())?
            .resource_id;
        println!("step {step}: created route {name} ({id}), ringing extension {extension}");
        routes.push(id);
    }

    let greeting = greeting_wav();
    let media = v1.upload_media(&MediaUpload {
        name: Some("Main menu greeting".into()),
        filename: "main-menu.wav".into(),
        data: greeting.clone(),
        is_hold_music: Some(false),
        ..MediaUpload::default()
    })?;
    let stored = v1.media(&media.resource_id)?;
    println!(
        "step 3: uploaded greeting main-menu.wav ({} bytes, {} s) as {}",
        greeting.len(),
        stored.duration.unwrap_or(0),
        media.resource_id
    );

    let menu = NewMenu {
        name: Some("Main menu".into()),
        outgoing_recording: Some(media.resource_id.clone()),
        allow_extension_dial: Some(true),
        wait_time: Some(5),
        digits: vec![
            MenuDigit {
                digit: Digit::Key(1),
                route: routes[0].clone(),
            },
            MenuDigit {
                digit: Digit::Key(2),
                route: routes[1].clone(),
            },
        ],
        ..NewMenu::default()
    };
    let created = v1.create_menu(&menu)?;
    println!(
        "step 4: created menu \"Main menu\" ({}): 1 -> Sales, 2 -> Support",
        created.resource_id
    );

    let back = v1.menu(&created.resource_id)?;
    let names = ["Sales", "Support"];
    println!(
        "step 5: read back \"{}\": greeting {}, extension dialing {}, wait {} s",
        back.name.as_deref().unwrap_or(""),
        back.outgoing_recording.as_deref().unwrap_or("-"),
        if back.allow_extension_dial == Some(true) {
            "on"
        } else {
            "off"
        },
        back.wait_time.unwrap_or(0)
    );
    for d in &back.digits {
        let key = match d.digit {
            Digit::Key(k) => k.to_string(),
            Digit::Pound => "#".into(),
        };
        let to = routes
            .iter()
            .position(|r| *r == d.route)
            .map_or(d.route.as_str(), |i| names[i]);
        println!("        press {key}: {to}");
    }
    println!("done");
    Ok(())
}

/// One second of a 440 Hz tone: 8 kHz, 16-bit mono PCM in a RIFF/WAVE file.
fn greeting_wav() -> Vec<u8> {
    let rate: u32 = 8000;
    let samples: Vec<u8> = (0..rate)
        .flat_map(|i| {
            let t = i as f64 / rate as f64;
            let v = (t * 440.0 * std::f64::consts::TAU).sin() * 8000.0;
            (v as i16).to_le_bytes()
        })
        .collect();
    let mut w = Vec::with_capacity(44 + samples.len());
    w.extend_from_slice(b"RIFF");
    w.extend_from_slice(&(36 + samples.len() as u32).to_le_bytes());
    w.extend_from_slice(b"WAVEfmt ");
    w.extend_from_slice(&16u32.to_le_bytes());
    w.extend_from_slice(&1u16.to_le_bytes()); // PCM
    w.extend_from_slice(&1u16.to_le_bytes()); // mono
    w.extend_from_slice(&rate.to_le_bytes());
    w.extend_from_slice(&(rate * 2).to_le_bytes()); // bytes per second
    w.extend_from_slice(&2u16.to_le_bytes()); // block align
    w.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    w.extend_from_slice(b"data");
    w.extend_from_slice(&(samples.len() as u32).to_le_bytes());
    w.extend_from_slice(&samples);
    w
}
